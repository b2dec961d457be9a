/**
 * Stands in for `miniprogram-compiler` under jest (moduleNameMapper in jest.miniprogram.config.js):
 * serves the WXML compiled once by the global setup (see wxml-cache.js), compiles otherwise.
 */
'use strict';

// The subpath is not mapped, so this is the real compiler.
const compiler = require('miniprogram-compiler/src/index');
const { readWxmlCache } = require('./wxml-cache');

module.exports = {
  ...compiler,
  wxmlToJs(rootPath, compilerOptions = {}) {
    const usesDefaultFileList = !compilerOptions.wxmlList && !compilerOptions.wxsList;
    return (usesDefaultFileList && readWxmlCache(rootPath)) || compiler.wxmlToJs(rootPath, compilerOptions);
  },
};
