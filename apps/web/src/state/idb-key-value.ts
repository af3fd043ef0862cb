/**
 * A few values kept in IndexedDB, which (unlike localStorage) holds a large JSON value without blocking the page
 * and is there again after the phone restarts the app offline. One database, one object store, keys chosen by the
 * caller. Every failure (private mode, storage full) is a rejected promise the caller may ignore.
 */
export interface KeyValueDatabase {
  get<T>(key: string): Promise<T | undefined>;
  put(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

export const KEY_VALUE_DATABASE = 'samverkan';
export const KEY_VALUE_STORE = 'values';

function requestDone<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

export function openKeyValueDatabase(factory: IDBFactory | undefined): KeyValueDatabase {
  let opened: Promise<IDBDatabase> | null = null;
  const database = () => {
    if (!factory) return Promise.reject(new Error('IndexedDB is not available'));
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(KEY_VALUE_DATABASE, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(KEY_VALUE_STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
    });
    return opened;
  };
  const run = async <T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>) => {
    const db = await database();
    return requestDone(act(db.transaction(KEY_VALUE_STORE, mode).objectStore(KEY_VALUE_STORE)));
  };
  return {
    get: async <T>(key: string) => (await run('readonly', (store) => store.get(key))) as T | undefined,
    put: async (key, value) => void (await run('readwrite', (store) => store.put(value, key))),
    delete: async (key) => void (await run('readwrite', (store) => store.delete(key))),
  };
}
