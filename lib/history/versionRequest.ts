import { z } from 'zod'

/** The body of `POST /api/boards/<id>/versions`: keep the board under a name, or go back to a version. */
export const versionRequest = z.union([
  z.strictObject({ restore: z.string({ error: 'restore must be a version id' }).regex(/^[0-9]{1,18}$/, 'restore must be a version id') }),
  z.strictObject({ label: z.string({ error: 'label must be a string' }).trim().min(1, 'label must not be empty').max(120, 'label must be at most 120 characters') }),
])
