import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { installOfficeShim } from './officeShim';
import { Workbench } from './Workbench';

// The page's Content-Security-Policy forbids eval, so zod must not probe for it.
z.config({ jitless: true });

/** The workbench page: the add-in's real task pane and ribbon function against the in-browser Excel simulator. */
const office = installOfficeShim(window);
createRoot(document.getElementById('root') as HTMLElement).render(<Workbench office={office} />);
