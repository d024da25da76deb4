"use client";

import { useRouter } from "next/navigation";
import { cloneElement, useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { appointActingAction, endActingAction } from "@/lib/role/acting-actions";
import { ACTING_KIND_LABELS } from "@/lib/role/acting";

const today = () => new Date().toISOString().slice(0, 10);

export function ActingForm({
  agencySlug,
  roles,
  members,
}: {
  agencySlug: string;
  roles: { id: string; name: string; isHead: boolean }[];
  members: { id: string; label: string }[];
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [values, setValues] = useState({
    roleId: roles.find((r) => r.isHead)?.id ?? roles[0]?.id ?? "",
    userId: "",
    kind: "PLT" as "PLT" | "PLH",
    startDate: today(),
    endDate: today(),
    decreeNumber: "",
  });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));

  function submit(e: React.FormEvent) {
    e.preventDefault();
    startTransition(async () => {
      const result = await appointActingAction(agencySlug, values);
      if (result.ok) {
        setErrors({});
        setError(null);
        toast.success("Penunjukan disimpan.");
        setValues((v) => ({ ...v, userId: "", decreeNumber: "" }));
        router.refresh();
      } else {
        setErrors(result.fieldErrors ?? {});
        setError(result.error);
      }
    });
  }
  const field = (key: keyof typeof values, label: string, control: React.ReactElement<{ id?: string }>) => (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={`acting-${key}`} className="font-medium text-slate-800">
        {label}
      </label>
      {cloneElement(control, { id: `acting-${key}` })}
      {errors[key] ? (
        <span role="alert" className="text-red-700">
          {errors[key][0]}
        </span>
      ) : null}
    </div>
  );
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      {error ? <Alert>{error}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        {field(
          "roleId",
          "Peran yang dijabat",
          <Select value={values.roleId} onChange={set("roleId")}>
            {roles.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </Select>,
        )}
        {field(
          "userId",
          "Pelaksana",
          <Select value={values.userId} onChange={set("userId")}>
            <option value="">Pilih anggota…</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </Select>,
        )}
        {field(
          "kind",
          "Jenis",
          <Select value={values.kind} onChange={set("kind")}>
            <option value="PLT">{ACTING_KIND_LABELS.PLT}</option>
            <option value="PLH">{ACTING_KIND_LABELS.PLH}</option>
          </Select>,
        )}
        {field("decreeNumber", "Nomor surat perintah/keputusan", <Input value={values.decreeNumber} onChange={set("decreeNumber")} />)}
        {field("startDate", "Mulai", <Input type="date" value={values.startDate} onChange={set("startDate")} />)}
        {field("endDate", "Sampai (termasuk)", <Input type="date" value={values.endDate} onChange={set("endDate")} />)}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Menyimpan…" : "Tunjuk"}
      </Button>
    </form>
  );
}

export function EndActingButton({ agencySlug, appointmentId }: { agencySlug: string; appointmentId: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      size="sm"
      variant="secondary"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await endActingAction(agencySlug, { appointmentId });
          if (result.ok) {
            toast.success("Penunjukan diakhiri.");
            router.refresh();
          } else toast.error(result.error);
        })
      }
    >
      Akhiri
    </Button>
  );
}
