import { allowedTransitions, canTransition, SceneStatus } from '../../../schema/scene/scene-status';
import { assertCanTransition } from '../../../schema/scene/scene.service';

const { EMERGING, ACTIVE, MONITORING, CLOSED } = SceneStatus;

describe('the scene lifecycle', () => {
  it.each([
    [EMERGING, ACTIVE],
    [EMERGING, CLOSED],
    [ACTIVE, MONITORING],
    [MONITORING, ACTIVE],
    [MONITORING, CLOSED],
  ])('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it('allows nothing else among the 16 pairs', () => {
    const all = Object.values(SceneStatus);
    const allowed = all.flatMap((from) => all.filter((to) => canTransition(from, to)).map((to) => `${from}>${to}`));
    expect(allowed.sort()).toEqual(['ACTIVE>MONITORING', 'EMERGING>ACTIVE', 'EMERGING>CLOSED', 'MONITORING>ACTIVE', 'MONITORING>CLOSED']);
  });

  it('treats CLOSED as final', () => {
    expect(allowedTransitions(CLOSED)).toEqual([]);
  });

  it('explains a refused move with the scene, both statuses and what is allowed', () => {
    expect(() => assertCanTransition({ id: '4f00', status: CLOSED }, ACTIVE)).toThrow(
      'Scene 4f00 cannot move from CLOSED to ACTIVE; allowed: none',
    );
    expect(() => assertCanTransition({ id: '4f00', status: EMERGING }, MONITORING)).toThrow('allowed: ACTIVE, CLOSED');
  });
});
