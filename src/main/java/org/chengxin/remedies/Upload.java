package org.chengxin.remedies;

/** A file as it arrived, not yet checked. */
public record Upload(String fileName, String declaredType, byte[] content) {

    public boolean isEmpty() {
        return content == null || content.length == 0;
    }
}
