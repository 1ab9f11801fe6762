/**
 * Run modes: the embedded PostgreSQL that a new user gets with one command, and the production
 * mode that refuses to start half-configured. Other modules never depend on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "运行模式 runtime")
package org.chengxin.runtime;
