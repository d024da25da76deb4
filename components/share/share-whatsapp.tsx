import { MessageCircle } from "@/components/ui/icons";
import { SHARE_MESSAGES, whatsappLink, type TShareMessage } from "@/lib/share/whatsapp";
import { cn } from "@/lib/utils";

/** A link that opens WhatsApp with the message ready to send (a new tab on a computer, the app on a phone). */
export function ShareWhatsApp({ message, baseUrl, className }: { message: TShareMessage; baseUrl: string; className?: string }) {
  return (
    <a
      href={whatsappLink(message, baseUrl)}
      target="_blank"
      rel="noopener noreferrer"
      data-testid="share-whatsapp"
      className={cn(
        "no-print inline-flex min-h-11 items-center gap-2 rounded-md border border-green-700 bg-white px-3 text-sm font-medium text-green-800 hover:bg-green-50",
        className,
      )}
    >
      <MessageCircle aria-hidden className="size-4" />
      {SHARE_MESSAGES.label}
    </a>
  );
}
