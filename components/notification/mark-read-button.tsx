"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "@/components/ui/toast";

import { Button } from "@/components/ui/button";
import { markNotificationsReadAction } from "@/lib/cycle/actions";
import { t } from "@/lib/i18n";

export function MarkReadButton({ agencySlug }: { agencySlug: string }) {
  const [pending, start] = useTransition();
  const router = useRouter();
  return (
    <Button
      size="sm"
      variant="secondary"
      disabled={pending}
      onClick={() =>
        start(async () => {
          const result = await markNotificationsReadAction(agencySlug, {});
          if (result.ok) router.refresh();
          else toast.error(result.error);
        })
      }
    >
      {t.notifications.markAllRead}
    </Button>
  );
}
