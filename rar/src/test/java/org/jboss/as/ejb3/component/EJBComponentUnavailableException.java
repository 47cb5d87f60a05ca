package org.jboss.as.ejb3.component;

/** A stand-in, by name, for WildFly's exception of an invocation on a component shutting down (WFLYEJB0421). */
public class EJBComponentUnavailableException extends RuntimeException {
}
