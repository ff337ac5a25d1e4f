package org.swis.properties;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * The deep budget of the core invariants: with {@code -D}{@value #PROPERTY}{@code =N} (set by the
 * {@code deep} profile of property-tests/pom.xml), every property of a container annotated with
 * {@code @AddLifecycleHook(DeepTries.class)} runs at least N tries; without it (the default build)
 * each keeps the tries its {@code @Property} states. A property whose whole parameter space is
 * smaller than N is run exhaustively by jqwik, with fewer tries; examples (no parameters) run once.
 */
public final class DeepTries implements AroundPropertyHook {
    /** System property holding the minimum number of tries. */
    public static final String PROPERTY = "swis.properties.tries";

    /** Registered on a class, the hook reaches that class's properties. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.DIRECT_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String value = System.getProperty(PROPERTY, "").trim();
        // An @Example (no parameters) is one fixed case: running it N times would check nothing more.
        if (!value.isEmpty() && context.targetMethod().getParameterCount() > 0) {
            int deep;
            try {
                deep = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-D" + PROPERTY + "=" + value + ": expected a number of tries", e);
            }
            if (deep > context.attributes().tries().orElse(0)) {
                context.attributes().setTries(deep);
            }
        }
        return property.execute();
    }
}
