import type { NotificationKind } from "@/lib/generated/prisma/enums";

/** Wording of notification e-mails (Bahasa Indonesia). The subject is the notification's own title. */
export const EMAIL_MESSAGES = {
  greeting: (name: string) => `Yth. ${name},`,
  intro: {
    NEW_TASK: (agency: string) => `Ada tugas baru untuk peran Anda di ${agency}.`,
    RETURNED: (agency: string) => `Pekerjaan di ${agency} dikembalikan kepada peran Anda untuk diperbaiki.`,
    LATE: (agency: string) => `Tugas peran Anda di ${agency} telah melewati batas waktunya.`,
    DUE_SOON_50: (agency: string) => `Setengah waktu standar tugas peran Anda di ${agency} telah berlalu.`,
    DUE_SOON_75: (agency: string) => `Tiga perempat waktu standar tugas peran Anda di ${agency} telah berlalu.`,
    ESCALATED: (agency: string) => `Tugas di unit yang Anda pimpin di ${agency} telah melewati batas waktunya.`,
    ESCALATED_HEAD: (agency: string) => `Tugas di ${agency} telah melewati dua kali waktu standarnya.`,
    PARTICIPANT: (agency: string) => `Anda ikut serta dalam langkah SOP di ${agency}; pelaksananya yang menindaklanjuti.`,
    INVITATION: (agency: string) => `Anda diundang ke rapat langkah SOP di ${agency}.`,
    CROSSCUT_PROPOSED: (agency: string) => `Ada usulan kontribusi lintas perangkat daerah untuk pohon kinerja ${agency}.`,
    CROSSCUT_ANSWERED: (agency: string) => `Ada jawaban atas kontribusi lintas perangkat daerah pohon kinerja ${agency}.`,
  } satisfies Record<NotificationKind, (agency: string) => string>,
  bodyLabel: {
    NEW_TASK: "Keterangan",
    RETURNED: "Alasan pengembalian",
    LATE: "Keterangan",
    DUE_SOON_50: "Keterangan",
    DUE_SOON_75: "Keterangan",
    ESCALATED: "Keterangan",
    ESCALATED_HEAD: "Keterangan",
    PARTICIPANT: "Keterangan",
    INVITATION: "Waktu, tempat dan agenda",
    CROSSCUT_PROPOSED: "Usulan",
    CROSSCUT_ANSWERED: "Keterangan",
  } satisfies Record<NotificationKind, string>,
  agency: "Instansi",
  open: "Buka di Alur Kinerja",
  footer: "Pesan ini dikirim otomatis oleh Alur Kinerja; balasan ke alamat ini tidak dibaca.",
  /** Why a batch stopped before sending every claimed notification (stored in emailError). */
  notAttempted: (reason: string) => `tidak dicoba: ${reason}`,
} as const;
