import Link from 'next/link'

export default function NotFound() {
  return (
    <main className="home">
      <h1>Board not found</h1>
      <p className="tagline">The link may be mistyped, or the board was never created on this server.</p>
      <Link href="/">All boards</Link>
    </main>
  )
}
