import { z } from 'zod'

export const maxBoardNameLength = 120

/** The body of `POST /api/boards`. */
export const newBoardInput = z.strictObject({
  name: z
    .string({ error: 'name must be a string' })
    .trim()
    .min(1, 'name must not be empty')
    .max(maxBoardNameLength, `name must be at most ${maxBoardNameLength} characters`),
})

export type NewBoardInput = z.infer<typeof newBoardInput>
