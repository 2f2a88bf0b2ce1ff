'use client'

import { type Editor, useEditor } from 'tldraw'
import { addField, moveField, parseEnumValues, removeField, updateField } from '@/lib/board/contractEdits'
import { type EventContract, type EventField, arrayItemTypes, fieldTypes, sensitivities } from '@/lib/board/eventContract'
import type { StickyShape } from '@/lib/board/shapes/stickyShape'

const sensitivityLabels = { none: 'None', internal: 'Internal', pii: 'PII', secret: 'Secret' } as const

function updateSticky(editor: Editor, shape: StickyShape, props: Partial<StickyShape['props']>) {
  editor.updateShape<StickyShape>({ id: shape.id, type: shape.type, props })
}

/** The contract of one domain event: name, description, version, producer and its data fields. */
export function EventContractPanel({ shape }: { shape: StickyShape }) {
  const editor = useEditor()
  const { contract } = shape.props
  const setContract = (next: EventContract) => updateSticky(editor, shape, { contract: next })
  const setField = (id: string, change: Partial<EventField>) => setContract(updateField(contract, id, change))

  return (
    <section className="es-panel" aria-label="Event contract">
      <h2>Domain event</h2>
      <label>
        Name
        <input value={shape.props.text} onChange={(e) => updateSticky(editor, shape, { text: e.target.value })} data-testid="event-name" />
      </label>
      <label>
        Description
        <textarea value={contract.description} rows={2} onChange={(e) => setContract({ ...contract, description: e.target.value })} />
      </label>
      <div className="es-panel__row">
        <label>
          Version
          <input
            type="number"
            min={1}
            value={contract.version}
            onChange={(e) => setContract({ ...contract, version: Math.max(1, Math.floor(Number(e.target.value) || 1)) })}
          />
        </label>
        <label>
          Produced by
          <input value={contract.producer} placeholder="aggregate or context" onChange={(e) => setContract({ ...contract, producer: e.target.value })} />
        </label>
      </div>
      <label className="es-panel__check">
        <input type="checkbox" checked={shape.props.pivotal} onChange={(e) => updateSticky(editor, shape, { pivotal: e.target.checked })} />
        Pivotal event
      </label>

      <h3>Data fields</h3>
      <table className="es-fields" aria-label="Data fields">
        <thead>
          <tr>
            <th>Name</th>
            <th>Type</th>
            <th title="Required">Req.</th>
            <th>Sensitivity</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {contract.fields.map((field, index) => (
            <FieldRows key={field.id} field={field} index={index} setField={setField} contract={contract} setContract={setContract} />
          ))}
        </tbody>
      </table>
      <button type="button" className="es-panel__add" onClick={() => setContract(addField(contract, crypto.randomUUID()))}>
        Add field
      </button>
    </section>
  )
}

function FieldRows({
  field,
  index,
  contract,
  setField,
  setContract,
}: {
  field: EventField
  index: number
  contract: EventContract
  setField: (id: string, change: Partial<EventField>) => void
  setContract: (next: EventContract) => void
}) {
  const usesEnum = field.type === 'enum' || (field.type === 'array' && field.itemType === 'enum')
  const n = index + 1
  return (
    <>
      <tr data-testid={`field-${n}`}>
        <td>
          <input aria-label={`Field ${n} name`} value={field.name} placeholder="orderId" onChange={(e) => setField(field.id, { name: e.target.value })} />
        </td>
        <td>
          <select aria-label={`Field ${n} type`} value={field.type} onChange={(e) => setField(field.id, { type: e.target.value as EventField['type'] })}>
            {fieldTypes.map((type) => (
              <option key={type}>{type}</option>
            ))}
          </select>
          {field.type === 'array' && (
            <select
              aria-label={`Field ${n} item type`}
              value={field.itemType}
              onChange={(e) => setField(field.id, { itemType: e.target.value as EventField['itemType'] })}
            >
              {arrayItemTypes.map((type) => (
                <option key={type} value={type}>
                  of {type}
                </option>
              ))}
            </select>
          )}
        </td>
        <td>
          <input aria-label={`Field ${n} required`} type="checkbox" checked={field.required} onChange={(e) => setField(field.id, { required: e.target.checked })} />
        </td>
        <td>
          <select
            aria-label={`Field ${n} sensitivity`}
            value={field.sensitivity}
            onChange={(e) => setField(field.id, { sensitivity: e.target.value as EventField['sensitivity'] })}
          >
            {sensitivities.map((s) => (
              <option key={s} value={s}>
                {sensitivityLabels[s]}
              </option>
            ))}
          </select>
        </td>
        <td className="es-fields__actions">
          <button type="button" title="Move up" onClick={() => setContract(moveField(contract, field.id, -1))}>
            ↑
          </button>
          <button type="button" title="Remove field" aria-label={`Remove field ${n}`} onClick={() => setContract(removeField(contract, field.id))}>
            ×
          </button>
        </td>
      </tr>
      <tr className="es-fields__details">
        <td colSpan={5}>
          {usesEnum && (
            <input
              aria-label={`Field ${n} values`}
              placeholder="values, comma separated"
              defaultValue={field.enumValues.join(', ')}
              onBlur={(e) => setField(field.id, { enumValues: parseEnumValues(e.target.value) })}
            />
          )}
          <input aria-label={`Field ${n} description`} placeholder="description" value={field.description} onChange={(e) => setField(field.id, { description: e.target.value })} />
          <input aria-label={`Field ${n} example`} placeholder="example" value={field.example} onChange={(e) => setField(field.id, { example: e.target.value })} />
        </td>
      </tr>
    </>
  )
}
