'use client'

import { useEffect, useState } from 'react'
import { apiFetch } from '../board/boardApi'
import { forgetTemplateKey, templateKey } from './templateKeys'

export interface GalleryTemplate {
  id: string
  name: string
  description: string
  builtIn: boolean
  /** The URL of its picture, drawn by the server. */
  preview: string
}

/**
 * The templates a workshop can start from, each with its picture: the
 * built-in ones, and those saved on this server (shown to whoever may create
 * boards). A template this browser saved can be deleted from here.
 */
export function TemplateGallery({ createKey, busy, onStart }: { createKey: string | undefined; busy: boolean; onStart(template: GalleryTemplate): void }) {
  const [templates, setTemplates] = useState<GalleryTemplate[]>()
  const [error, setError] = useState<string>()
  const [generation, setGeneration] = useState(0)

  useEffect(() => {
    // The creation key is typed a letter at a time: ask once it rests.
    const timer = setTimeout(() => {
      apiFetch('/api/templates', createKey || undefined)
        .then(async (response) => setTemplates(((await response.json()) as { templates: GalleryTemplate[] }).templates))
        .catch((reason: unknown) => setError(`The templates could not be loaded: ${String(reason)}`))
    }, 300)
    return () => clearTimeout(timer)
  }, [createKey, generation])

  async function remove(template: GalleryTemplate) {
    if (!confirm(`Delete the template “${template.name}”? Boards started from it stay as they are.`)) return
    try {
      await apiFetch(`/api/templates/${template.id}`, templateKey(template.id), { method: 'DELETE' })
      forgetTemplateKey(template.id)
      setGeneration((g) => g + 1)
    } catch (reason) {
      setError(`The template could not be deleted: ${reason instanceof Error ? reason.message : String(reason)}`)
    }
  }

  return (
    <section className="template-gallery" aria-label="Templates">
      <h2>Or start from a template</h2>
      {error && <p className="form-error" role="alert">{error}</p>}
      <ul>
        {templates?.map((template) => (
          <li key={template.id} aria-label={template.name}>
            <TemplatePicture template={template} createKey={createKey} />
            <h3>
              {template.name} {!template.builtIn && <span className="template-gallery__saved">saved</span>}
            </h3>
            <p>{template.description}</p>
            <div className="template-gallery__actions">
              <button type="button" disabled={busy} onClick={() => onStart(template)}>
                Start workshop
              </button>
              {!template.builtIn && templateKey(template.id) && (
                <button type="button" className="template-gallery__delete" onClick={() => remove(template)}>
                  Delete
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** The server's SVG picture, fetched with the creation key (saved templates need it) and shown as an image, where no script runs. */
function TemplatePicture({ template, createKey }: { template: GalleryTemplate; createKey: string | undefined }) {
  const [url, setUrl] = useState<string>()
  useEffect(() => {
    let objectUrl: string | undefined
    let cancelled = false
    apiFetch(template.preview, createKey || undefined)
      .then((response) => response.blob())
      .then((blob) => {
        if (cancelled) return
        objectUrl = URL.createObjectURL(blob)
        setUrl(objectUrl)
      })
      .catch(() => setUrl(undefined))
    return () => {
      cancelled = true
      if (objectUrl) URL.revokeObjectURL(objectUrl)
    }
  }, [template.preview, createKey])
  return <div className="template-gallery__picture">{url && <img src={url} alt={`Picture of ${template.name}`} width={480} height={270} />}</div>
}
