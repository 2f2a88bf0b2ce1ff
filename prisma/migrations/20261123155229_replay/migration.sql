-- AlterTable
ALTER TABLE "Board" ADD COLUMN     "replayOpen" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "BoardSnapshot" ADD COLUMN     "compactedAt" TIMESTAMP(3);

-- Snapshots written well after their board was created were written by compaction.
UPDATE "BoardSnapshot" AS s SET "compactedAt" = s."updatedAt"
FROM "Board" AS b
WHERE b."id" = s."boardId" AND s."updatedAt" > b."createdAt" + INTERVAL '1 second';
