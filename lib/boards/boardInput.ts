import { z } from 'zod'
import { isTemplateId } from '../templates/templateId.ts'

export const maxBoardNameLength = 120

/** The body of `POST /api/boards`: a name, and the template to start from (none: a blank board). */
export const newBoardInput = z.strictObject({
  name: z
    .string({ error: 'name must be a string' })
    .trim()
    .min(1, 'name must not be empty')
    .max(maxBoardNameLength, `name must be at most ${maxBoardNameLength} characters`),
  templateId: z.string({ error: 'templateId must be a string' }).refine(isTemplateId, 'templateId is not a template id').optional(),
})

export type NewBoardInput = z.infer<typeof newBoardInput>
