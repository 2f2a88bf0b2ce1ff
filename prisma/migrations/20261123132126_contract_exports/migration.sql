-- AlterTable
ALTER TABLE "Board" ADD COLUMN     "compatibilityMode" TEXT NOT NULL DEFAULT 'BACKWARD';

-- CreateTable
CREATE TABLE "ContractExport" (
    "id" BIGSERIAL NOT NULL,
    "boardId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "mode" TEXT NOT NULL,
    "contracts" JSONB NOT NULL,
    "report" JSONB NOT NULL,
    "authorRole" TEXT,
    "authorName" TEXT,

    CONSTRAINT "ContractExport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContractExport_boardId_id_idx" ON "ContractExport"("boardId", "id");

-- AddForeignKey
ALTER TABLE "ContractExport" ADD CONSTRAINT "ContractExport_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board"("id") ON DELETE CASCADE ON UPDATE CASCADE;
