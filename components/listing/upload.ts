"use client";

export type UploadedAsset = {
  id: string;
  width: number;
  height: number;
  visibleOnLight: number | null;
  visibleOnDark: number | null;
};

/**
 * Uploads one file with progress; resolves to the asset or rejects with the server's message.
 * For a listing image, `images` is how many the editor holds (saved or not), which the server counts too.
 */
export function uploadFile(
  appId: string,
  kind: "icon" | "image" | "onboarding",
  file: File,
  onProgress: (fraction: number) => void,
  images?: number,
): Promise<UploadedAsset> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/apps/${appId}/assets?kind=${kind}${images === undefined ? "" : `&images=${images}`}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new Error(`${file.name} could not be uploaded: check your connection.`));
    xhr.onload = () => {
      let body: { error?: { message?: string } } & Partial<UploadedAsset> = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: fall through to the generic message
      }
      if (xhr.status === 201 && body.id) resolve(body as UploadedAsset);
      else reject(new Error(body.error?.message ?? `${file.name} could not be uploaded (${xhr.status}).`));
    };
    const form = new FormData();
    form.append("file", file);
    xhr.send(form);
  });
}
