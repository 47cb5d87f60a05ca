package org.jboss.as.ee.component;

/** A stand-in, by name, for WildFly's exception of an invocation on a stopped component (WFLYEE0043). */
public class ComponentIsStoppedException extends IllegalStateException {
}
