import { agencyRoute, guardRoute } from "@/lib/authz/route";
import { wetScanUploadResponse } from "@/lib/signing/scan-upload";

export const dynamic = "force-dynamic";

/** The wet-signed scan / LKjIP final file upload (multipart, 20 MB): lib/signing/scan-upload.ts. */
async function handlePost(request: Request, { params }: { params: Promise<{ agencySlug: string }> }) {
  const { agencySlug } = await params;
  const door = await agencyRoute(request, agencySlug, "agency.view");
  if (door.response) return door.response;
  return wetScanUploadResponse(door.ctx, request);
}

export const POST = guardRoute(handlePost);
