// Every unit test gets a fresh in-memory IndexedDB; nothing touches a real browser profile.
import 'fake-indexeddb/auto';
