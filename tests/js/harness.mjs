// Loads modules of docs/assets/kemajuan/ into a fresh context, as the bundle runs them: in strict
// mode, sharing one scope, with CONTRACT holding scripts/core/progress.py's client_contract (which
// tests/test_client_js.py passes in COURSE_CONTRACT). Nothing here needs a browser: the tests give
// each module the few browser objects it touches.
import { readFileSync } from "node:fs";
import vm from "node:vm";

const SOURCES = new URL("../../docs/assets/kemajuan/", import.meta.url);

export function contract() {
  const text = process.env.COURSE_CONTRACT;
  if (!text) {
    throw new Error(
      "COURSE_CONTRACT is not set: run these tests through `.venv/bin/python -m pytest tests/test_client_js.py`, " +
        "which passes the values of scripts/core/progress.py client_contract()."
    );
  }
  return JSON.parse(text);
}

// localStorage as the browser has it: strings in, strings (or null) out.
export class MemoryStorage {
  constructor(items = {}) {
    this.items = new Map(Object.entries(items));
  }
  get length() {
    return this.items.size;
  }
  key(index) {
    return index < this.items.size ? [...this.items.keys()][index] : null;
  }
  getItem(key) {
    return this.items.has(key) ? this.items.get(key) : null;
  }
  setItem(key, value) {
    this.items.set(key, String(value));
  }
  removeItem(key) {
    this.items.delete(key);
  }
}

// Storage that refuses every access, as when the browser disables it.
export function refusingStorage() {
  const refuse = () => {
    throw new Error("SecurityError");
  };
  return { get length() { return refuse(); }, key: refuse, getItem: refuse, setItem: refuse, removeItem: refuse };
}

// The modules' globals, after running `modules` in order with `globals` as browser objects.
export function load(modules, globals = {}) {
  const context = vm.createContext({ CONTRACT: contract(), URL, console, ...globals });
  context.window = context;
  for (const name of modules) {
    const source = readFileSync(new URL(name, SOURCES), "utf8");
    vm.runInContext('"use strict";\n' + source, context, { filename: name });
  }
  return context;
}

// A value made in the context, as plain data of this realm, for deepStrictEqual.
export function plain(value) {
  return JSON.parse(JSON.stringify(value));
}
