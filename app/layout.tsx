import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import './globals.css'
import './board.css'
import './facilitation.css'

// Every page, the not-found page too, is rendered per request: its inline
// scripts carry that request's Content-Security-Policy nonce (server/guard.ts).
export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  title: 'EventStorming board',
  description: 'A self-hosted realtime board for EventStorming workshops',
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 }

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
