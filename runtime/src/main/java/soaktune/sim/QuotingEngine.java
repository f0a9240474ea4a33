package soaktune.sim;

import java.util.SplittableRandom;
import soaktune.sim.event.MarketEvent;
import soaktune.sim.event.MarketEventSource;

/**
 * The event loop of one iteration: market events from a {@link MarketEventSource}, the feed that shows
 * them to the strategy late, the strategy's quote management under its limits, and the venue that fills,
 * cancels and places our orders when our messages arrive. Everything is primitive state, set up once per
 * iteration: no allocation per event. docs/simulator.md states each rule applied here.
 */
final class QuotingEngine {
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double BPS = 1e-4;

    private final ScenarioParams sp;
    private final IterationStats st = new IterationStats();
    private final MarketEvent ev = new MarketEvent();
    private final QuoteSide bid;
    private final QuoteSide ask;

    // The iteration's settings.
    private final double fillA;
    private final double fillK;
    private final QuotingParams q;
    private final double tokenRatePerMs;
    private final int inflightCap;
    private final SplittableRandom feedRng;
    private final SplittableRandom orderRng;

    // The true market.
    private double t;
    private double mid;
    private double halfBps;
    private double bidDepth;
    private double askDepth;

    /** The book as the strategy last saw it, through the feed. */
    private final MarketEvent seen = new MarketEvent();

    private final FeedQueue feed = new FeedQueue();
    private final MessageRate messages;
    private final MarkoutBook markouts = new MarkoutBook();
    private int inflight;

    // Inventory and the hedge timer.
    private double inventoryQty;
    private double hedgeAt = INF; // INF: no hedge due, inventory is within the limit

    /** One engine per iteration: its state all starts here, so none can leak into the next iteration. */
    QuotingEngine(ScenarioParams sp, QuotingParams q, double fillA, double fillK, double inventoryQty,
            SplittableRandom feedJitter, SplittableRandom orderJitter) {
        this.sp = sp;
        this.q = q;
        this.fillA = fillA;
        this.fillK = fillK;
        this.inventoryQty = inventoryQty;
        this.tokenRatePerMs = q.replaceRatePerMin() / 60_000.0;
        this.inflightCap = (int) Math.max(1, Math.round(q.concurrencyLimit() * sp.maxInflight()));
        this.feedRng = feedJitter;
        this.orderRng = orderJitter;
        bid = new QuoteSide(+1, sp.tokenBurst());
        ask = new QuoteSide(-1, sp.tokenBurst());
        messages = new MessageRate(sp.msgRateWindowMs());
    }

    IterationStats run(MarketEventSource source, double durationMs, SplittableRandom market) {
        double end = source.begin(durationMs, market, ev);
        st.marketMs = end;
        t = 0;
        mid = ev.mid;
        halfBps = ev.halfSpreadBps;
        bidDepth = ev.bidDepthUsd;
        askDepth = ev.askDepthUsd;
        seen.book(0, mid, halfBps, bidDepth, askDepth);
        inventoryChanged();
        evaluate(bid);
        evaluate(ask);

        boolean more = source.next(ev);
        double internal = nextInternal();
        while (true) {
            double tMarket = more ? ev.timeMs : INF;
            if (tMarket <= internal) { // market events go first on ties
                if (tMarket >= end) {
                    break;
                }
                t = tMarket;
                boolean changed = market();
                more = source.next(ev);
                if (changed) {
                    internal = nextInternal();
                }
                continue;
            }
            if (internal >= end) {
                break;
            }
            if (!(internal >= t)) {
                throw new IllegalStateException("simulation time went from " + t + " to " + internal);
            }
            t = internal;
            if (internal == feed.nextAt()) {
                see();
            } else if (bid.pending && internal == bid.arriveAt) {
                arrive(bid);
            } else if (ask.pending && internal == ask.arriveAt) {
                arrive(ask);
            } else if (internal == hedgeAt) {
                hedge();
            } else if (internal == bid.timerAt()) {
                timer(bid);
            } else {
                timer(ask);
            }
            internal = nextInternal();
        }
        t = end;
        markouts.settle(end, mid, true, st.markoutBps);
        st.endMid = mid;
        st.endInventoryQty = inventoryQty;
        return st;
    }

    /**
     * The earliest of the feed, our messages, the timers and the hedge. Only a market event that changed our
     * state can move it, so most takers (no fill) skip this.
     */
    private double nextInternal() {
        double tBid = bid.pending ? bid.arriveAt : INF;
        double tAsk = ask.pending ? ask.arriveAt : INF;
        return Math.min(Math.min(feed.nextAt(), Math.min(tBid, tAsk)),
                Math.min(Math.min(bid.timerAt(), ask.timerAt()), hedgeAt));
    }

    /** Applies one market event; false when it changed nothing the strategy or the venue schedules. */
    private boolean market() {
        if (ev.kind == MarketEvent.BOOK) {
            st.bookEvents++;
            markouts.settle(t, mid, false, st.markoutBps);
            st.inventoryUsd += inventoryQty * (ev.mid - mid);
            mid = ev.mid;
            halfBps = ev.halfSpreadBps;
            bidDepth = ev.bidDepthUsd;
            askDepth = ev.askDepthUsd;
            pickOff(bid);
            pickOff(ask);
            bid.fillProbStale = true;
            ask.fillProbStale = true;
            publish();
            return true;
        }
        st.tradeEvents++;
        QuoteSide side = ev.takerBuys ? ask : bid;
        return side.live && takerArrives(side);
    }

    /** A resting quote the market has moved through is taken at once by whoever sees it first: us, late. */
    private void pickOff(QuoteSide s) {
        if (!s.live) {
            return;
        }
        if (crosses(s.price, s.sign)) {
            st.pickoffs++;
            makerFill(s, s.remainingQty);
        }
    }

    /** True when a price is at or through the opposite touch of the true book. */
    private boolean crosses(double price, int sign) {
        return sign > 0 ? price >= mid * (1 + halfBps * BPS) : price <= mid * (1 - halfBps * BPS);
    }

    /**
     * P(fill) = A exp(-k delta), delta our distance from the true mid in bps. It changes only when the mid or
     * our price does, so it is recomputed after those, at the next taker, not for every taker.
     */
    private void updateFillProb(QuoteSide s) {
        double delta = s.sign * (mid - s.price) / mid / BPS;
        s.fillProb = delta <= 0 ? 1 : fillA * Math.exp(-fillK * delta);
        s.fillProbStale = false;
    }

    /** A taker on our side reaches our price with P(fill); then it must eat the queue ahead of us. */
    private boolean takerArrives(QuoteSide s) {
        if (s.fillProbStale) {
            updateFillProb(s); // lazily: the mid often moves several times between two takers on a side
        }
        if (ev.draw >= s.fillProb) {
            return false;
        }
        if (s.queueAheadUsd > 0) {
            s.queueAheadUsd *= Math.exp(-sp.queueCancelRatePerS() * (t - s.queueT) / 1000.0);
        }
        s.queueT = t;
        double through = ev.sizeUsd - s.queueAheadUsd;
        s.queueAheadUsd = Math.max(0, s.queueAheadUsd - ev.sizeUsd);
        if (through <= 0) {
            return false;
        }
        makerFill(s, Math.min(s.remainingQty, through / s.price));
        return true;
    }

    private void makerFill(QuoteSide s, double qty) {
        double notional = qty * s.price;
        st.makerFills++;
        st.makerNotional += notional;
        st.grossUsd += s.sign * (s.refMid - s.price) * qty;
        st.slippageUsd += s.sign * (mid - s.refMid) * qty;
        st.feesUsd -= sp.makerFeeBps() * BPS * notional;
        st.slippageCostBps.add(s.sign * (s.refMid - mid) / s.refMid / BPS);
        markouts.fill(t, s.price, s.sign);
        inventoryQty += s.sign * qty;
        s.remainingQty -= qty;
        if (s.remainingQty <= qty * 1e-9) {
            endOrder(s);
        }
        inventoryChanged();
        evaluate(bid);
        evaluate(ask);
    }

    private void endOrder(QuoteSide s) {
        st.orderAgeMs.add(t - s.placedAt);
        s.live = false;
        s.tailWanted = false;
        s.tailDue = INF;
    }

    /** Every book update reaches the strategy after feed latency + queueing + jitter, in order. */
    private void publish() {
        double lag = sp.feedLatencyMs() + queueDelayMs() + sp.jitterMs() * Rng.exponential(feedRng);
        st.wsLagMs.add(feed.publish(t, lag, mid, halfBps, bidDepth, askDepth));
    }

    private void see() {
        feed.pop(seen);
        evaluate(bid);
        evaluate(ask);
    }

    /**
     * Queueing on our venue connection: delay_scale x u / (1 - u), u = our message rate / capacity (at most
     * 0.95), the rate being our messages sent in the last msg_rate_window_ms, per second.
     */
    private double queueDelayMs() {
        double u = Math.min(0.95, messages.perSecond(t) / sp.venueMsgCapacityPerS());
        return sp.queueDelayMs() * u / (1 - u);
    }

    private void timer(QuoteSide s) {
        if (s.retryAt <= t) {
            s.retryAt = INF;
        }
        if (s.tailDue <= t) {
            s.tailDue = INF;
            if (s.live) {
                s.tailWanted = true;
            }
        }
        evaluate(s);
    }

    /** What the strategy wants on one side now, and whether its limits let it act. */
    private void evaluate(QuoteSide s) {
        boolean riskBlocked = s.sign * inventoryQty * seen.mid >= sp.maxInventoryUsd();
        if (riskBlocked) {
            if (s.live && !s.pending) {
                send(s, QuoteSide.CANCEL); // pulling a quote is never rate-limited
            } else if (!s.live && !s.pending) {
                want(s);
                block(s, IterationStats.BLOCK_RISK);
            }
            return;
        }
        int action;
        double ref = s.pending && s.pendingKind != QuoteSide.CANCEL ? s.pendingRefMid : s.refMid;
        if (!s.live && !s.pending) {
            action = QuoteSide.PLACE;
        } else if ((s.live || s.pending && s.pendingKind != QuoteSide.CANCEL)
                && (Math.abs(seen.mid - ref) >= sp.requoteThresholdBps() * BPS * ref || s.tailWanted)) {
            action = QuoteSide.REPLACE;
        } else {
            s.want = false;
            return;
        }
        want(s);
        if (s.pending || inflight >= inflightCap) {
            block(s, IterationStats.BLOCK_CONCURRENCY); // looked at again when a message arrives
            return;
        }
        if (t < s.lastSendAt + q.minIntervalMs()) { // the same sum as retryAt, so the retry never falls short
            block(s, IterationStats.BLOCK_MIN_INTERVAL);
            s.retryAt = s.lastSendAt + q.minIntervalMs();
            return;
        }
        if (action == QuoteSide.REPLACE) {
            s.tokens = Math.min(sp.tokenBurst(), s.tokens + (t - s.tokenT) * tokenRatePerMs);
            s.tokenT = t;
            if (s.tokens < 1) {
                block(s, IterationStats.BLOCK_THROTTLE);
                s.retryAt = t + (1 - s.tokens) / tokenRatePerMs + 1e-9;
                return;
            }
            s.tokens -= 1;
        }
        send(s, action);
    }

    private void want(QuoteSide s) {
        if (!s.want) {
            s.want = true;
            s.wantBlocked = false;
            st.attempts++;
        }
    }

    private void block(QuoteSide s, int reason) {
        if (!s.wantBlocked) {
            s.wantBlocked = true;
            st.blocked[reason]++;
        }
    }

    private void send(QuoteSide s, int kind) {
        double latency = sp.orderLatencyMs() + queueDelayMs() + sp.jitterMs() * Rng.exponential(orderRng);
        messages.sent(t);
        st.messages++;
        inflight++;
        s.pending = true;
        s.pendingKind = kind;
        s.arriveAt = t + latency;
        s.pendingSentAt = t;
        s.want = false;
        if (kind != QuoteSide.CANCEL) {
            s.lastSendAt = t;
            double price = seen.mid * (1 - s.sign * (seen.halfSpreadBps + q.spreadBps()) * BPS);
            double depth = s.sign > 0 ? seen.bidDepthUsd : seen.askDepthUsd;
            s.pendingPrice = price;
            s.pendingRefMid = seen.mid;
            s.pendingQty = Math.min(sp.orderSizeUsd(), q.impactCapRatio() * depth) / price;
            s.pendingTail = s.tailWanted;
            s.tailWanted = false;
            s.tailDue = INF;
        }
    }

    /** Our message reaches the venue: cancel what it replaces (if still there), then rest at the back. */
    private void arrive(QuoteSide s) {
        s.pending = false;
        s.arriveAt = INF;
        inflight--;
        if (s.live) {
            st.cancels++;
            if (s.pendingKind == QuoteSide.CANCEL) {
                st.riskCancels++;
            } else {
                st.replaces++;
                if (s.pendingTail) {
                    st.tailCancels++;
                }
            }
            endOrder(s);
        }
        if (s.pendingKind != QuoteSide.CANCEL && crosses(s.pendingPrice, s.sign)) {
            st.postOnlyRejects++; // priced from a stale mid, it would take liquidity: post-only rejects it
        } else if (s.pendingKind != QuoteSide.CANCEL) {
            s.live = true;
            s.price = s.pendingPrice;
            s.refMid = s.pendingRefMid;
            s.remainingQty = s.pendingQty;
            s.placedAt = t;
            s.queueAheadUsd = sp.queueAheadRatio() * (s.sign > 0 ? bidDepth : askDepth);
            s.queueT = t;
            s.tailDue = s.pendingSentAt + q.tailAgeMs();
            updateFillProb(s);
            st.placements++;
        }
        evaluate(bid);
        evaluate(ask);
    }

    private void inventoryChanged() {
        if (Math.abs(inventoryQty * mid) > sp.maxInventoryUsd()) {
            if (hedgeAt == INF) {
                hedgeAt = t + sp.hedgeDelayMs();
            }
        } else {
            hedgeAt = INF;
        }
    }

    /** Inventory stayed over the limit for hedge_delay_ms: take liquidity back to half the limit. */
    private void hedge() {
        hedgeAt = INF;
        double value = inventoryQty * mid;
        if (Math.abs(value) <= sp.maxInventoryUsd()) {
            return;
        }
        int sign = value > 0 ? -1 : 1;
        double qty = Math.abs(inventoryQty) - 0.5 * sp.maxInventoryUsd() / mid;
        double depth = sign > 0 ? askDepth : bidDepth;
        double costBps = halfBps + sp.hedgeImpactBps() * qty * mid / depth;
        double price = mid * (1 + sign * costBps * BPS);
        double notional = qty * price;
        st.takerFills++;
        st.takerNotional += notional;
        st.slippageUsd += sign * (mid - price) * qty;
        st.feesUsd -= sp.takerFeeBps() * BPS * notional;
        st.slippageCostBps.add(costBps);
        inventoryQty += sign * qty;
        inventoryChanged();
        evaluate(bid);
        evaluate(ask);
    }
}
