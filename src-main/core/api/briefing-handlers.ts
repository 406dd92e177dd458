// The briefings' API methods (docs/briefings.md), registered into the handler table.
import type { Session } from '../session/session';
import type { HandlerTable } from './dispatch';

type BriefingMethod = Extract<keyof HandlerTable, `briefings.${string}`>;

export function briefingHandlers(session: Session): Pick<HandlerTable, BriefingMethod> {
  const briefings = () => session.unlocked().sync.briefings();
  return {
    'briefings.list': (args) => briefings().list(args),
    'briefings.get': ({ id }) => briefings().get(id),
    'briefings.send': ({ stagedFiles, expiresInHours, ...rest }) =>
      briefings().send({ ...rest, stagedFiles, expiresInHours }),
    'briefings.acknowledge': async ({ id }) => {
      await briefings().service.acknowledge(id);
      return null;
    },
    'briefings.recall': async ({ id }) => {
      await briefings().service.recall(id);
      return null;
    },
    'briefings.traceLeak': ({ id, text }) => briefings().traceLeak(id, text),
    'briefings.stageBegin': (args) => briefings().stageBegin(args),
    'briefings.stageAppend': ({ stageId, data }) => briefings().stageAppend(stageId, data),
    'briefings.stageCancel': async ({ stageId }) => {
      await briefings().stageCancel(stageId);
      return null;
    },
    'briefings.download': async ({ id, index }) => {
      await briefings().download(id, index);
      return null;
    },
    'briefings.cancel': ({ id }) => {
      briefings().cancel(id);
      return null;
    },
    'briefings.openFile': ({ id, index }) => briefings().openFile(id, index),
  };
}
