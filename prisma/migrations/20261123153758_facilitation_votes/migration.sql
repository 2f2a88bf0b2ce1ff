-- CreateTable
CREATE TABLE "Vote" (
    "boardId" TEXT NOT NULL,
    "round" TEXT NOT NULL,
    "voter" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "shapeId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Vote_pkey" PRIMARY KEY ("boardId","round","voter","slot")
);

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board"("id") ON DELETE CASCADE ON UPDATE CASCADE;
