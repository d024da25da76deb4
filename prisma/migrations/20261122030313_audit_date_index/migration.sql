-- CreateIndex
CREATE INDEX "AuditEvent_agencyId_createdAt_id_idx" ON "AuditEvent"("agencyId", "createdAt", "id");

