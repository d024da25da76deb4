-- CreateEnum
CREATE TYPE "HolidayKind" AS ENUM ('LIBUR_NASIONAL', 'CUTI_BERSAMA', 'LIBUR_DAERAH');

-- CreateTable
CREATE TABLE "Holiday" (
    "id" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "HolidayKind" NOT NULL,
    "governmentId" TEXT,
    "agencyId" TEXT,
    "source" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Holiday_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Holiday_date_idx" ON "Holiday"("date");

-- CreateIndex
CREATE INDEX "Holiday_agencyId_idx" ON "Holiday"("agencyId");

-- CreateIndex
CREATE INDEX "Holiday_governmentId_idx" ON "Holiday"("governmentId");

-- AddForeignKey
ALTER TABLE "Holiday" ADD CONSTRAINT "Holiday_governmentId_fkey" FOREIGN KEY ("governmentId") REFERENCES "Government"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Holiday" ADD CONSTRAINT "Holiday_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- National holidays and cuti bersama shipped with every install (docs/decisions/016-working-calendar.md).
-- 2026: SKB 3 Menteri as published. 2027 is left empty until its SKB is entered (DOMAIN.md: never invent dates).
INSERT INTO "Holiday" ("id", "date", "name", "kind", "source") VALUES
  ('nat-2026-01-01', DATE '2026-01-01', 'Tahun Baru 2026 Masehi', 'LIBUR_NASIONAL', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025'),
  ('nat-2026-01-16', DATE '2026-01-16', 'Isra Mikraj Nabi Muhammad SAW', 'LIBUR_NASIONAL', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025'),
  ('nat-2026-02-17', DATE '2026-02-17', 'Tahun Baru Imlek 2577 Kongzili', 'LIBUR_NASIONAL', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025'),
  ('nat-2026-03-19', DATE '2026-03-19', 'Hari Suci Nyepi Tahun Baru Saka 1948', 'LIBUR_NASIONAL', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025'),
  ('nat-2026-03-21', DATE '2026-03-21', 'Idul Fitri 1447 Hijriah', 'LIBUR_NASIONAL', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025'),
  ('nat-2026-03-22', DATE '2026-03-22', 'Idul Fitri 1447 Hijriah', 'LIBUR_NASIONAL', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025'),
  ('nat-2026-04-03', DATE '2026-04-03', 'Wafat Yesus Kristus', 'LIBUR_NASIONAL', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025'),
  ('nat-2026-04-05', DATE '2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)', 'LIBUR_NASIONAL', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025'),
  ('nat-2026-05-01', DATE '2026-05-01', 'Hari Buruh Internasional', 'LIBUR_NASIONAL', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025'),
  ('nat-2026-05-14', DATE '2026-05-14', 'Kenaikan Yesus Kristus', 'LIBUR_NASIONAL', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025'),
  ('nat-2026-05-27', DATE '2026-05-27', 'Idul Adha 1447 Hijriah', 'LIBUR_NASIONAL', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025'),
  ('nat-2026-05-31', DATE '2026-05-31', 'Hari Raya Waisak 2570 BE', 'LIBUR_NASIONAL', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025'),
  ('nat-2026-06-01', DATE '2026-06-01', 'Hari Lahir Pancasila', 'LIBUR_NASIONAL', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025'),
  ('nat-2026-06-16', DATE '2026-06-16', '1 Muharam Tahun Baru Islam 1448 Hijriah', 'LIBUR_NASIONAL', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025'),
  ('nat-2026-08-17', DATE '2026-08-17', 'Proklamasi Kemerdekaan Republik Indonesia', 'LIBUR_NASIONAL', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025'),
  ('nat-2026-08-25', DATE '2026-08-25', 'Maulid Nabi Muhammad SAW', 'LIBUR_NASIONAL', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025'),
  ('nat-2026-12-25', DATE '2026-12-25', 'Kelahiran Yesus Kristus (Natal)', 'LIBUR_NASIONAL', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025'),
  ('cb-2026-02-16', DATE '2026-02-16', 'Cuti bersama Tahun Baru Imlek 2577 Kongzili', 'CUTI_BERSAMA', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025'),
  ('cb-2026-03-18', DATE '2026-03-18', 'Cuti bersama Hari Suci Nyepi', 'CUTI_BERSAMA', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025'),
  ('cb-2026-03-20', DATE '2026-03-20', 'Cuti bersama Idul Fitri 1447 Hijriah', 'CUTI_BERSAMA', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025'),
  ('cb-2026-03-23', DATE '2026-03-23', 'Cuti bersama Idul Fitri 1447 Hijriah', 'CUTI_BERSAMA', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025'),
  ('cb-2026-03-24', DATE '2026-03-24', 'Cuti bersama Idul Fitri 1447 Hijriah', 'CUTI_BERSAMA', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025'),
  ('cb-2026-05-15', DATE '2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus', 'CUTI_BERSAMA', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025'),
  ('cb-2026-05-28', DATE '2026-05-28', 'Cuti bersama Idul Adha 1447 Hijriah', 'CUTI_BERSAMA', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025'),
  ('cb-2026-12-24', DATE '2026-12-24', 'Cuti bersama Kelahiran Yesus Kristus', 'CUTI_BERSAMA', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025');
