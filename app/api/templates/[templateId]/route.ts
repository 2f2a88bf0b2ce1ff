import { deleteTemplateAnswer } from '@/lib/http/templateRequests'

export const dynamic = 'force-dynamic'

export async function DELETE(request: Request, { params }: { params: Promise<{ templateId: string }> }) {
  return deleteTemplateAnswer(request, (await params).templateId)
}
