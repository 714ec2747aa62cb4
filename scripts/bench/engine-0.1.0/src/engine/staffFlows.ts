import type { CompiledGroup, CompiledRole } from './model.ts';
import { binomial } from './random/binomial.ts';
import type { Rng } from './random/rng.ts';

/**
 * The people of one staff group (one role in one unit) through a replication: in post, in
 * training by the month they started, and in recruitment by the month it started. Cohorts live
 * in ring buffers indexed by start month, so a month's flows touch no memory they need not.
 */
export class StaffState {
  inPost = 0;
  inTraining = 0;
  /** Recruits between starting recruitment and starting training (including those waiting for a seat). */
  inRecruitment = 0;
  /** Trainees by start month, modulo the ring length. */
  private readonly trainees: Int32Array;
  /** Recruitments by start month, modulo the ring length. */
  private readonly recruits: Int32Array;
  /** Recruits who finished recruitment and wait for a training seat. */
  private waiting = 0;

  constructor(
    private readonly group: CompiledGroup,
    private readonly role: CompiledRole,
  ) {
    this.trainees = new Int32Array(role.trainingMonths + 1);
    this.recruits = new Int32Array(group.monthsToHire + 1);
  }

  /**
   * Back to the start of the horizon. People already in training are spread evenly over the
   * months of training, as a force's intake would be: the k-th started (k mod months) + 1 months
   * before month 0, so the most recent starts are filled first.
   */
  reset(): void {
    const { group, role } = this;
    this.inPost = group.inPost;
    this.inTraining = group.inTraining;
    this.inRecruitment = 0;
    this.waiting = 0;
    this.trainees.fill(0);
    this.recruits.fill(0);
    const ring = this.trainees.length;
    const spread = Math.max(1, role.trainingMonths);
    for (let k = 0; k < group.inTraining; k++) {
      // Started k % spread + 1 months before month 0, i.e. at month −1, −2, …
      const startMonth = -((k % spread) + 1);
      this.trainees[mod(startMonth, ring)]!++;
    }
  }

  /** Leavers, then trainees who have finished join those in post. */
  leaveAndQualify(rng: Rng, month: number): void {
    const { group, role, trainees } = this;
    const q = group.leaveProbabilityPerMonth;
    this.inPost -= binomial(rng, this.inPost, q);
    const ring = trainees.length;
    let inTraining = 0;
    for (let i = 0; i < ring; i++) {
      const c = trainees[i]!;
      if (c > 0) {
        const left = c - binomial(rng, c, q);
        trainees[i] = left;
        inTraining += left;
      }
    }
    // The cohort that started trainingMonths ago has finished (month − trainingMonths ≡ month + 1 mod ring).
    const done = mod(month - role.trainingMonths, ring);
    const finished = trainees[done]!;
    trainees[done] = 0;
    this.inPost += finished;
    this.inTraining = inTraining - finished;
  }

  /** Recruits who have finished recruitment start training, as far as `seats` allows; returns seats used. */
  startTraining(month: number, seats: number): number {
    const { group, recruits, trainees } = this;
    const ring = recruits.length;
    const ready = mod(month - group.monthsToHire, ring);
    this.waiting += recruits[ready]!;
    recruits[ready] = 0;
    const starting = Math.min(this.waiting, seats);
    if (starting > 0) {
      this.waiting -= starting;
      this.inRecruitment -= starting;
      this.inTraining += starting;
      trainees[mod(month, trainees.length)]! += starting;
    }
    return starting;
  }

  /** Recruitments start for vacancies, within the most a month allows. */
  recruit(month: number): void {
    const { group } = this;
    if (!group.hires) return;
    const vacancies = group.establishment - this.inPost - this.inTraining - this.inRecruitment;
    const hires = Math.min(vacancies, group.maxHiresPerMonth);
    if (hires > 0) {
      this.recruits[mod(month, this.recruits.length)]! += hires;
      this.inRecruitment += hires;
    }
  }

  /** People waiting for a training seat. */
  get waitingForSeat(): number {
    return this.waiting;
  }
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

/**
 * Training seats offered in month t when `seatsPerYear` (a whole number, or Infinity for no
 * limit) accrue evenly: the whole seats accrued by the end of month t less those accrued before
 * it, ⌊S(t + 1)/12⌋ − ⌊St/12⌋. Counting in whole twelfths rather than carrying a fraction means
 * no rounding ever loses a seat: every year offers exactly S.
 */
export function seatsOffered(seatsPerYear: number, month: number): number {
  if (seatsPerYear === Infinity) return Infinity;
  return Math.floor((seatsPerYear * (month + 1)) / 12) - Math.floor((seatsPerYear * month) / 12);
}
