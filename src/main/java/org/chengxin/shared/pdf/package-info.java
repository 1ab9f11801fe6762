/** Writing Chinese text into the platform's PDF letters: the embedded fonts and line wrapping. */
package org.chengxin.shared.pdf;
