import adapter from 'comlink/dist/umd/node-adapter.js';

// The UMD build sets module.exports to the function while its .d.ts declares an ES default
// export, so under NodeNext the default import is typed as the namespace; this restores the type.
export const nodeEndpoint = adapter as unknown as (typeof adapter)['default'];
