import * as React from 'react';
import { Select } from '@fluentui/react-components';

/** A labelled drop-down of the pane's filters; the label names it alone, not with its chosen option. */
export function FilterSelect({ label, value, onChange, children }: { label: string; value: string; onChange: (value: string) => void; children: React.ReactNode }) {
  const id = React.useId();
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <Select id={id} value={value} onChange={(_, data) => onChange(data.value)}>{children}</Select>
    </div>
  );
}
