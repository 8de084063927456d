import { useEffect, useRef, useState } from 'preact/hooks';
import { ProblemAlert, useCommand } from '../../shared/ui';
import { useConsole } from '../console-context';

interface CancelHoldControlProps {
  holdId: string;
  titleName: string;
  onCancelled(message: string): Promise<void>;
}

/** Staff cancel any live hold, ready ones too, and must say why (R19, R20). */
export function CancelHoldControl({ holdId, titleName, onCancelled }: CancelHoldControlProps) {
  const { api, text } = useConsole();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const command = useCommand();
  const input = useRef<HTMLInputElement>(null);
  // The reason field takes the focus as soon as it appears, where the button was.
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);
  const fieldId = `cancel-reason-${holdId}`;
  if (!open)
    return (
      <button type="button" class="secondary" aria-label={text.patrons.cancelFor(titleName)} onClick={() => setOpen(true)}>
        {text.patrons.cancel}
      </button>
    );
  const submit = (event: Event) => {
    event.preventDefault();
    void command.run(async () => {
      await api.send('DELETE', `/staff/holds/${encodeURIComponent(holdId)}`, { reason: reason.trim() });
      await onCancelled(text.patrons.cancelled(titleName));
    });
  };
  return (
    <form onSubmit={submit} aria-label={text.patrons.cancelFor(titleName)}>
      <div class="field">
        <label for={fieldId}>{text.patrons.cancelReason}</label>
        <input id={fieldId} ref={input} required value={reason} onInput={(event) => setReason(event.currentTarget.value)} />
      </div>
      <ProblemAlert problem={command.problem} text={text} />
      <div class="actions">
        <button type="submit" class="danger" disabled={command.busy}>
          {text.patrons.cancelConfirm}
        </button>
        <button type="button" class="secondary" onClick={() => setOpen(false)}>
          {text.patrons.keep}
        </button>
      </div>
    </form>
  );
}
