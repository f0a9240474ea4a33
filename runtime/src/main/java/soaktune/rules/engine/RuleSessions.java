package soaktune.rules.engine;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * Sessions for one rule base, reused: creating a session costs about as much as a decision with no rule
 * firing (measured by {@code bench decision}), so {@link RuleEngine} takes one from here and gives it back.
 * Giving back is Drools' pooled {@code dispose()}, which resets the session completely (facts, agenda,
 * listeners), so nothing carries over from one decision to the next. Drools' pool is not documented as
 * thread-safe: every use of it goes through this object's lock (the reset is microseconds; requests in
 * {@code serve} contend for nothing longer).
 */
public final class RuleSessions {
    private final KieSessionsPool pool;

    public RuleSessions(KieBase base) {
        this.pool = base.newKieSessionsPool(1);
    }

    synchronized KieSession take() {
        return pool.newKieSession();
    }

    /** Resets the session and keeps it for the next decision. */
    synchronized void giveBack(KieSession session) {
        session.dispose();
    }
}
