/** Template ids: a built-in's word ("online-shop") or a saved one's random id; checked before any lookup. */
export const templateIdPattern = /^[A-Za-z0-9_-]{1,64}$/

export const isTemplateId = (value: unknown): value is string => typeof value === 'string' && templateIdPattern.test(value)
