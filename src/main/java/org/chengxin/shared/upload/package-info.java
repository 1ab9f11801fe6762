/** Uploads: the largest one the platform takes, where they wait on disk, and how their file names are kept. */
package org.chengxin.shared.upload;
