-- AlterTable
ALTER TABLE "Board" ADD COLUMN     "facilitatorGeneration" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "participantGeneration" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "viewerGeneration" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "BoardUpdate" ADD COLUMN     "authorName" TEXT,
ADD COLUMN     "authorRole" TEXT,
ADD COLUMN     "connectionId" TEXT;

-- CreateTable
CREATE TABLE "BoardVersion" (
    "id" BIGSERIAL NOT NULL,
    "boardId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "records" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "BoardVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "boardId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" TEXT NOT NULL,
    "role" TEXT,
    "actorName" TEXT,
    "connectionId" TEXT,
    "address" TEXT,
    "detail" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BoardVersion_boardId_createdAt_idx" ON "BoardVersion"("boardId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_boardId_id_idx" ON "AuditEvent"("boardId", "id");

-- AddForeignKey
ALTER TABLE "BoardVersion" ADD CONSTRAINT "BoardVersion_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board"("id") ON DELETE CASCADE ON UPDATE CASCADE;
