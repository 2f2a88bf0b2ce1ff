import { unzipSync } from 'fflate'
import { describe, expect, test } from 'vitest'
import { exportAnswer } from './exportAnswer.ts'
import { exportFormats } from './formats.ts'
import { historyFile } from './historyFile.ts'
import { shop } from './testing.ts'
import { zipFiles } from './zip.ts'

describe('the HTTP answer of an export', () => {
  test('the bundle is sent as a zip of its stated length, the same bytes as the zip of its files, with the history in it', async () => {
    const contracts = shop()
    const history = historyFile({ mode: 'BACKWARD', exports: [] })
    const response = exportAnswer('bundle', contracts, history)
    expect(response.headers.get('content-type')).toBe('application/zip')
    expect(response.headers.get('content-disposition')).toBe('inline; filename="online-shop-bundle.zip"')
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect(Number(response.headers.get('content-length'))).toBe(bytes.byteLength)
    expect(Buffer.from(bytes).equals(Buffer.from(zipFiles([...exportFormats.bundle.files(contracts), history])))).toBe(true)
    expect(Object.keys(unzipSync(bytes))).toContain(history.path)
  })

  test('a JSON format is its text, named for download', async () => {
    const response = exportAnswer('confluent', shop(), historyFile({ mode: 'BACKWARD', exports: [] }))
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(Object.keys(JSON.parse(await response.text()))).toEqual(['com.shop.orders.OrderPlaced', 'com.shop.billing.PaymentReceived'])
  })
})
