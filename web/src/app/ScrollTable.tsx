import type { ReactNode } from 'react';

/**
 * A data table that scrolls sideways on its own on a narrow screen (the page never does): a focusable,
 * named region, so keyboard users can scroll it too. `columns` are the header cells; `caption` shows the name.
 */
export function ScrollTable({ label, columns, caption = false, children }: { label: string; columns: ReactNode[]; caption?: boolean; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      <table>
        {caption && <caption>{label}</caption>}
        <thead>
          <tr>
            {columns.map((column, index) => <th key={index} scope="col">{column}</th>)}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
