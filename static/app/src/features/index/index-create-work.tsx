/**
 * "Create work item" for one of the index's top pain points: the map is loaded as the viewer
 * (`map/load`, so the description is prefilled from the map like on the card), then the same
 * form and use case as card details (`WorkCreateForm` → `jira/create`).
 */
import { useEffect, useState } from 'react';
import type { JourneyMap } from '@domain/model/schema';
import { call } from '../../bridge/client';
import { useT } from '../../i18n';
import { WorkCreateForm } from '../work/work-create-form';
import type { TopPainPoint } from './index-model';

const transport = { call };

/** Props of {@link IndexCreateWork}. */
export type IndexCreateWorkProps = {
  point: TopPainPoint;
  spaceId: string | null;
  siteUrl: string;
  onDone: (key: string | null) => void;
};

/** The panel under the summary strip. */
export function IndexCreateWork({ point, spaceId, siteUrl, onDone }: IndexCreateWorkProps) {
  const t = useT();
  const entry = point.row.entry;
  const address = { pageId: entry.pageId, localId: entry.macroId };
  const [loaded, setLoaded] = useState<
    { map: JourneyMap; version: number } | { error: string } | null
  >(null);
  useEffect(() => {
    let live = true;
    void call('map/load', address).then((res) => {
      if (!live) return;
      if (!res.ok) setLoaded({ error: res.error.message });
      else if (!res.data.map) setLoaded({ error: t('index.work.mapNotReadable') });
      else setLoaded({ map: res.data.map, version: res.data.version });
    });
    return () => {
      live = false;
    };
    // One load per opened panel.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const cardId = entry.map.topPainPoint?.cardId ?? '';
  return (
    <section className="index-create-work" aria-label={t('index.work.createHeading')}>
      <h3>{t('index.work.createHeading')}</h3>
      <p className="subtle">
        {point.text} · {point.row.title}
      </p>
      {loaded === null && <p role="status">{t('work.create.loading')}</p>}
      {loaded && 'error' in loaded && (
        <div className="banner is-error" role="alert">
          <p>{loaded.error}</p>
          <button type="button" onClick={() => onDone(null)}>
            {t('work.create.cancel')}
          </button>
        </div>
      )}
      {loaded && 'map' in loaded && (
        <WorkCreateForm
          transport={transport}
          address={address}
          map={loaded.map}
          cardId={cardId}
          baseVersion={loaded.version}
          spaceId={spaceId}
          pageUrl={`${siteUrl}${entry.pageUrl}`}
          onCreated={(created) => onDone(created.key)}
          onCancel={() => onDone(null)}
        />
      )}
    </section>
  );
}
