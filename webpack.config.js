// Builds the add-in (task pane + ribbon function in one shared-runtime page) and the workbench.
//   npm run build            production add-in in dist/addin (needs ADDIN_BASE_URL, e.g. https://capacity.example.org/addin)
//   npm run build:workbench  the workbench page in dist/workbench (the pane against the Excel simulator)
//   npm start / dev server   https://localhost:3000 for sideloading into Excel
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { ProgressPlugin } = require('webpack');

const DEV_BASE_URL = 'https://localhost:3000';

/** The production URL for the manifest; a production add-in build without one is refused. */
function baseUrl(mode) {
  if (mode !== 'production') return DEV_BASE_URL;
  const url = (process.env.ADDIN_BASE_URL || '').replace(/\/+$/, '');
  if (!/^https:\/\/[^/\s]+/.test(url)) {
    // One line and exit 2, as for any bad usage: a thrown error would come wrapped in webpack-cli's stack trace.
    process.stderr.write('Set ADDIN_BASE_URL to the https URL the add-in is served from, e.g. ADDIN_BASE_URL=https://capacity.example.org/addin npm run build\n');
    process.exit(2);
  }
  return url;
}

function common(mode) {
  return {
    mode,
    devtool: mode === 'production' ? false : 'source-map',
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { configFile: 'tsconfig.web.json', transpileOnly: true } } }],
    },
    performance: { hints: false },
    // No `global` shim: webpack's one falls back to `new Function`, which the pane's CSP forbids.
    node: { global: false },
  };
}

function addin(mode, certificates) {
  const url = baseUrl(mode);
  return {
    ...common(mode),
    name: 'addin',
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: { path: path.resolve(__dirname, 'dist/addin'), filename: '[name].js', clean: true },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/help.html', to: 'help.html' },
          { from: 'src/taskpane/taskpane.css', to: 'taskpane.css' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => content.toString().split(DEV_BASE_URL).join(url),
          },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: certificates },
      static: { directory: path.resolve(__dirname, 'assets'), publicPath: '/assets' },
    },
  };
}

const BUILD_PHASES = ['building', 'sealing', 'minifying', 'emitting', 'done'];

/** A stderr line per phase of the build (and per tenth while modules build), so a long build never looks hung. */
function progressLines(title) {
  const started = Date.now();
  let reached = -1;
  let lastTenth = 0;
  return new ProgressPlugin((fraction, stage, step) => {
    const phase = BUILD_PHASES.indexOf(fraction >= 1 ? 'done' : step === 'asset processing' ? 'minifying' : stage);
    const tenth = Math.floor(fraction * 10);
    // Phases only go forward: webpack reports "sealing" again after minifying.
    if (phase < reached || (phase === reached && (stage !== 'building' || tenth <= lastTenth))) return;
    reached = phase;
    lastTenth = tenth;
    const what = stage === 'building' ? `building modules, ${tenth * 10}%` : BUILD_PHASES[phase];
    process.stderr.write(`${title}: ${what} (${Math.round((Date.now() - started) / 1000)} s)\n`);
  });
}

/** Microsoft's Office.js client library for Excel on the web, copied unmodified beside the workbench and loaded before its bundle. */
const OFFICE_JS = require.resolve('@microsoft/office-js/dist/excel-web-16.00.debug.js');

function workbench(mode, progress) {
  return {
    ...common(mode),
    name: 'workbench',
    entry: { workbench: './src/workbench/index.tsx' },
    output: { path: path.resolve(__dirname, 'dist/workbench'), filename: '[name].js', clean: true },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'index.html', template: './src/workbench/workbench.html', chunks: ['workbench'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/sample-capacity.xlsx', to: 'sample-capacity.xlsx' },
          { from: 'src/taskpane/taskpane.css', to: 'taskpane.css' },
          { from: 'src/workbench/workbench.css', to: 'workbench.css' },
          { from: OFFICE_JS, to: 'excel-web-16.00.debug.js', info: { minimized: true } },
        ],
      }),
      ...(progress ? [progressLines('Building the workbench')] : []),
    ],
  };
}

/** Office trusts the dev server only over https with the certificates office-addin-dev-certs installs. */
async function devCertificates() {
  if (process.env.WEBPACK_SERVE !== 'true') return undefined;
  return require('office-addin-dev-certs').getHttpsServerOptions();
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || 'development';
  return env.app === 'workbench' ? workbench(mode, Boolean(env.progress)) : addin(mode, await devCertificates());
};
