/**
 * More than one instance on one database: the name of this instance, and the guard that makes a scheduled job run
 * once across all of them ({@link org.chengxin.shared.cluster.ClusterJobs}).
 */
package org.chengxin.shared.cluster;
