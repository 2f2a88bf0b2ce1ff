import { templatePreviewAnswer } from '@/lib/http/templateRequests'

export const dynamic = 'force-dynamic'

export async function GET(request: Request, { params }: { params: Promise<{ templateId: string }> }) {
  return templatePreviewAnswer(request, (await params).templateId)
}
