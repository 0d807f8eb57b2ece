import * as React from 'react';

export type RibbonIconKind = 'open' | 'download' | 'check' | 'pane';

/** 24-pixel line icons for the ribbon's buttons, drawn inline so the page needs no image requests. */
export function RibbonIcon({ kind }: { kind: RibbonIconKind }) {
  return (
    <svg className="wb-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      {kind === 'open' && <path d="M3 6h6l2 2h10v11H3z" fill="#FFE08A" stroke="#8A6A00" strokeWidth="1.2" />}
      {kind === 'download' && (
        <>
          <path d="M12 3v12m-5-5 5 5 5-5" fill="none" stroke="#217346" strokeWidth="1.8" />
          <path d="M4 19h16" stroke="#424242" strokeWidth="1.8" />
        </>
      )}
      {kind === 'check' && (
        <>
          <rect x="3" y="4" width="18" height="16" fill="#fff" stroke="#217346" strokeWidth="1.2" />
          <path d="M3 9h18M3 14h18M9 4v16M15 4v16" stroke="#217346" strokeWidth="0.8" />
          <rect x="9.5" y="9.5" width="5" height="4" fill="#FFFF00" stroke="#B8860B" strokeWidth="0.6" />
        </>
      )}
      {kind === 'pane' && (
        <>
          <rect x="3" y="4" width="18" height="16" fill="#fff" stroke="#424242" strokeWidth="1.2" />
          <rect x="14" y="4" width="7" height="16" fill="#C7E0F4" stroke="#0F6CBD" strokeWidth="1.2" />
        </>
      )}
    </svg>
  );
}
