// The organisation in the URL (/o/:orgSlug/…): loaded once, shared by its pages, and its colour applied.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { organisation, type Organisation } from '../../../common/orgs.ts';
import { api } from '../../api/client.ts';

interface OrgState {
  org: Organisation | null;
  /** True when loading failed: unknown organisation or not a member. */
  isMissing: boolean;
  /** Replaces the organisation after an edit, or reloads it. */
  reload: (next?: Organisation) => Promise<void>;
}

const OrgContext = createContext<OrgState | null>(null);

const DEFAULT_BRAND = '#1a5a96';

/** Applies an organisation's primary colour to the design tokens of the whole page. */
export function applyBrandColour(colour: string | null): void {
  document.body.style.setProperty('--stadshart-brand', colour ?? DEFAULT_BRAND);
}

/** Loads the organisation `slug` (none when null) and provides it to everything below. */
export function OrgProvider({ slug, children }: { slug: string | null; children: ReactNode }) {
  const [org, setOrg] = useState<Organisation | null>(null);
  const [isMissing, setMissing] = useState(false);

  const reload = useCallback(
    async (next?: Organisation) => {
      if (next) {
        setOrg(next);
        return;
      }
      if (!slug) {
        setOrg(null);
        setMissing(false);
        return;
      }
      try {
        setOrg(await api('GET', `/orgs/${encodeURIComponent(slug)}`, { schema: organisation }));
        setMissing(false);
      } catch {
        setOrg(null);
        setMissing(true);
      }
    },
    [slug],
  );

  useEffect(() => {
    setOrg(null);
    void reload();
  }, [reload]);

  useEffect(() => {
    applyBrandColour(org?.primaryColour ?? null);
    return () => applyBrandColour(null);
  }, [org?.primaryColour]);

  const value = useMemo(() => ({ org, isMissing, reload }), [org, isMissing, reload]);
  return <OrgContext.Provider value={value}>{children}</OrgContext.Provider>;
}

/** The current organisation state; null outside /o/:orgSlug routes. */
export function useOrg(): OrgState | null {
  return useContext(OrgContext);
}
