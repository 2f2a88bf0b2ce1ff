import { listTemplatesAnswer, saveTemplateAnswer } from '@/lib/http/templateRequests'

export const dynamic = 'force-dynamic'

export const GET = listTemplatesAnswer
export const POST = saveTemplateAnswer
