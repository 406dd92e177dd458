// Full-text search over the private notes: the query as typed and the hits of the latest query
// (null when nothing is typed). Answers to earlier queries that arrive late are dropped.
import { useCallback, useRef, useState } from 'react';
import type { ApiError, SearchHit } from '../../src-shared/api';
import { call } from '../bridge/call';

export interface NoteSearch {
  query: string;
  /** null while nothing is typed: the list shows instead. */
  hits: SearchHit[] | null;
  search: (query: string) => void;
  /** Takes a note out of the results (it was moved to the trash). */
  dropHit: (id: string) => void;
}

export function useNoteSearch(setError: (error: ApiError) => void): NoteSearch {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const searchSeq = useRef(0);

  const search = useCallback(
    (next: string) => {
      setQuery(next);
      const seq = ++searchSeq.current;
      if (next.trim() === '') {
        setHits(null);
        return;
      }
      void call('notes.search', { query: next }).then((outcome) => {
        // Only the answer to the latest query counts; earlier ones may arrive after it.
        if (seq !== searchSeq.current) return;
        if (outcome.ok) setHits(outcome.value);
        else setError(outcome.error);
      });
    },
    [setError],
  );

  const dropHit = useCallback((id: string) => {
    setHits((list) => list && list.filter((h) => h.id !== id));
  }, []);

  return { query, hits, search, dropHit };
}
