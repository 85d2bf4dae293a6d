#!/usr/bin/env node
// Package entry: registers the TypeScript loader, then runs the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../cli/voorraad.ts');
