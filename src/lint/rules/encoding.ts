import { refusalRule } from '../refusal.js';

export const encoding = refusalRule({
  id: 'encoding',
  description: "The file is not valid UTF-8, or starts with a byte order mark.",
  docs: "supervisord refuses to start with this file (an error).\n\nsupervisord reads its files as UTF-8 (under a UTF-8 or C locale). Invalid bytes stop it with `'utf-8' codec can't decode byte ...`. A UTF-8 BOM is not stripped: the first line is then not a section header (`File contains no section headers`). Save the file as UTF-8 without BOM.",
});
