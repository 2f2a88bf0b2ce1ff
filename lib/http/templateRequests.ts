import { authorizeBoard } from '../auth/boardAccess.ts'
import { mayCreateBoards } from '../auth/createAccess.ts'
import { linkKey } from '../auth/linkKey.ts'
import { presentedToken } from '../auth/presentedToken.ts'
import { can } from '../auth/roles.ts'
import { readConfig } from '../config.ts'
import { recordAudit } from '../db/auditLog.ts'
import { getDatabase } from '../db/client.ts'
import { mayDeleteTemplate, templateDeletionToken } from '../templates/deletionToken.ts'
import { previewSvg } from '../templates/previewSvg.ts'
import { isTemplateId } from '../templates/templateId.ts'
import {
  type TemplateSummary,
  deleteSavedTemplate,
  isBuiltinTemplate,
  listTemplates,
  saveTemplate,
  saveTemplateInput,
  templateContent,
} from '../templates/templates.ts'
import { errorAnswer } from './boardRoute.ts'
import { BadRequest, jsonError, readJsonBody } from './json.ts'

/**
 * The templates API. Saved templates are seen by whoever may create boards
 * (everyone on a server without CREATE_TOKEN, else its holders), like the
 * board list; built-in ones by anyone, being part of the app. Saving needs the
 * board's facilitator link; deleting, the token the saving answered.
 */

const mayCreate = (request: Request) => mayCreateBoards(token(request), readConfig().createToken)
const token = (request: Request) => presentedToken(request.headers.get('authorization'), request.url)
const templateJson = (template: TemplateSummary) => ({ ...template, preview: `/api/templates/${template.id}/preview` })

async function answering(request: Request, work: () => Promise<Response>): Promise<Response> {
  try {
    return await work()
  } catch (error) {
    return errorAnswer(request, error)
  }
}

/** `GET /api/templates`: `{"templates": [{"id", "name", "description", "builtIn", "createdAt", "preview"}]}`. */
export function listTemplatesAnswer(request: Request): Promise<Response> {
  return answering(request, async () => {
    const templates = await listTemplates(await getDatabase(), { withSaved: mayCreate(request) })
    return Response.json({ templates: templates.map(templateJson) })
  })
}

/** `POST /api/templates` `{"boardId", "name", "description"}` with the board's facilitator token: 201 with the template and its `deleteToken`. */
export function saveTemplateAnswer(request: Request): Promise<Response> {
  return answering(request, async () => {
    const parsed = saveTemplateInput.safeParse(await readJsonBody(request, 16 * 1024))
    if (!parsed.success) throw new BadRequest(parsed.error.issues.map((issue) => issue.message).join('; '))
    const db = await getDatabase()
    const { boardId, name } = parsed.data
    const role = await authorizeBoard(db, linkKey(), boardId, token(request))
    if (!can(role, 'facilitate')) return jsonError(403, `a ${role} may not save the board as a template`)
    const saved = await saveTemplate(db, boardId, parsed.data)
    await recordAudit(db, { boardId, action: 'template.saved', role, detail: { templateId: saved.id, name } })
    const template = templateJson({ ...saved, builtIn: false, createdAt: saved.createdAt.toISOString() })
    return Response.json({ template, deleteToken: templateDeletionToken(linkKey(), saved.id) }, { status: 201 })
  })
}

/** `DELETE /api/templates/<id>` with the `deleteToken` its saving answered: 204. */
export function deleteTemplateAnswer(request: Request, id: string): Promise<Response> {
  return answering(request, async () => {
    if (!isTemplateId(id)) return jsonError(400, 'malformed template id')
    if (isBuiltinTemplate(id)) return jsonError(403, 'built-in templates cannot be deleted')
    const presented = token(request)
    if (!presented) return jsonError(401, 'deleting a template needs the key its saving answered')
    if (!mayDeleteTemplate(linkKey(), id, presented)) return jsonError(403, 'only whoever saved this template may delete it')
    return (await deleteSavedTemplate(await getDatabase(), id)) ? new Response(null, { status: 204 }) : jsonError(404, 'no template has this id')
  })
}

/** `GET /api/templates/<id>/preview`: the template's picture as SVG, drawn here from its content. */
export function templatePreviewAnswer(request: Request, id: string): Promise<Response> {
  return answering(request, async () => {
    if (!isTemplateId(id)) return jsonError(400, 'malformed template id')
    if (!isBuiltinTemplate(id) && !mayCreate(request)) return jsonError(401, 'saved templates are shown to whoever may create boards here')
    const content = await templateContent(await getDatabase(), id)
    if (!content) return jsonError(404, 'no template has this id')
    return new Response(previewSvg(content), {
      headers: {
        'content-type': 'image/svg+xml; charset=utf-8',
        // A template never changes under its id; opened on its own, the picture may run and load nothing.
        'cache-control': 'private, max-age=86400',
        'content-security-policy': "default-src 'none'; sandbox",
      },
    })
  })
}
